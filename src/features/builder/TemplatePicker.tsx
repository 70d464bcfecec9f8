import { useId } from 'react';
import { Panel } from '../../components/Panel';
import { TEMPLATES, TEMPLATE_IDS, isTemplateId, type TemplateId } from '../../core/builder/templates';
import { buttonClass, helpClass, selectClass } from './styles';

/** The token shape to start from; choosing one refills header and payload with fresh times. */
export function TemplatePicker({ value, onChange }: { value: TemplateId; onChange: (id: TemplateId) => void }) {
  const id = useId();
  return (
    <Panel id={`${id}-panel`} title="Template">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-select`} className="text-sm font-medium">
            Token shape
          </label>
          <select
            id={`${id}-select`}
            data-testid="builder-template"
            value={value}
            onChange={(e) => isTemplateId(e.target.value) && onChange(e.target.value)}
            aria-describedby={`${id}-help`}
            className={`${selectClass} min-w-0 flex-1`}
          >
            {TEMPLATE_IDS.map((t) => (
              <option key={t} value={t}>
                {TEMPLATES[t].label}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => onChange(value)} className={buttonClass}>
            Refill
          </button>
        </div>
        <p className="text-sm break-words">{TEMPLATES[value].description}</p>
        <p id={`${id}-help`} className={helpClass}>
          Choosing a template (or Refill) replaces the header and payload, with times from now and new UIDs.
        </p>
      </div>
    </Panel>
  );
}
