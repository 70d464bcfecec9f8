import { useId } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { Select } from '../../components/Select';
import { helpClass } from '../../components/styles';
import { TEMPLATES, TEMPLATE_IDS, isTemplateId, type TemplateId } from '../../core/builder/templates';

/** The token shape to start from; choosing one refills header and payload with fresh times. */
export function TemplatePicker({ value, onChange }: { value: TemplateId; onChange: (id: TemplateId) => void }) {
  const id = useId();
  return (
    <Panel id={`${id}-panel`} title="Template">
      <div className="space-y-2">
        <Field label="Token shape" layout="inline">
          {(control) => (
            <>
              <Select
                {...control}
                data-testid="builder-template"
                value={value}
                onChange={(e) => isTemplateId(e.target.value) && onChange(e.target.value)}
                aria-describedby={`${id}-help`}
                className="min-w-0 flex-1"
              >
                {TEMPLATE_IDS.map((t) => (
                  <option key={t} value={t}>
                    {TEMPLATES[t].label}
                  </option>
                ))}
              </Select>
              <Button onClick={() => onChange(value)}>Refill</Button>
            </>
          )}
        </Field>
        <p className="text-sm break-words">{TEMPLATES[value].description}</p>
        <p id={`${id}-help`} className={helpClass}>
          Choosing a template (or Refill) replaces the header and payload, with times from now and new UIDs.
        </p>
      </div>
    </Panel>
  );
}
