import { useId, useRef, useState } from 'react';
import { HoldingTextarea, heldSize, isHeldText } from '../../components/HoldingTextarea';
import { Button } from '../../components/Button';
import { textareaClass } from '../../components/styles';
import { readTextFile } from '../../lib/readTextFile';

export const RBAC_COMMAND = 'kubectl get clusterroles,clusterrolebindings,roles,rolebindings -A -o yaml';

/** The RBAC objects: pasted, typed, opened or dropped. Large pastes are held in memory, not shown. */
export function AccessInput({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const open = async (file: File | undefined) => {
    if (!file) return;
    const read = await readTextFile(file);
    setFileError(read.ok ? null : read.message);
    if (read.ok) onChange(read.text);
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={`${id}-rbac`} className="text-sm font-semibold">
          RBAC objects
        </label>
        <div className="flex gap-2">
          <Button size="sm" onClick={() => fileRef.current?.click()}>
            Open file…
          </Button>
          <Button size="sm" onClick={() => onChange('')} disabled={!value}>
            Clear
          </Button>
        </div>
        <input
          ref={fileRef}
          type="file"
          className="hidden"
          aria-label="Open a file holding RBAC objects"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            void open(file);
          }}
        />
      </div>
      <HoldingTextarea
        id={`${id}-rbac`}
        data-testid="access-input"
        value={value}
        onTextChange={onChange}
        rows={8}
        aria-describedby={`${id}-help`}
        placeholder={`Paste the output of ${RBAC_COMMAND} (or -o json), or drop the file here.`}
        heldPlaceholder={`${heldSize(value)} of RBAC objects are held in memory but not shown here, so the page stays responsive. Type or paste to replace them.`}
        onDrop={(e) => {
          // Ours, not the page's drop handler (which fills the token input).
          const file = e.dataTransfer.files[0];
          if (!file) return;
          e.preventDefault();
          void open(file);
        }}
        className={textareaClass}
      />
      <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-400">
        From <code>{RBAC_COMMAND}</code>: a List, several YAML documents, or single objects. Read in this tab; nothing is sent.
        {isHeldText(value) && ` Holding ${heldSize(value)}.`}
      </p>
      {fileError && (
        <p role="alert" className="text-sm text-rose-800 dark:text-rose-200">
          {fileError}
        </p>
      )}
    </div>
  );
}
