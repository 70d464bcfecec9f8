import { useId, useRef, useState } from 'react';
import { BLOG_SAMPLES } from '../../core/samples/blogSamples';
import { HeldInputNotice, HoldingTextarea, heldPlaceholderText } from '../../components/HoldingTextarea';
import { readTextFile } from '../../lib/readTextFile';

interface TokenInputProps {
  value: string;
  onChange: (text: string) => void;
}

/** The main input: paste, type, open a file, or pick a sample. */
export function TokenInput({ value, onChange }: TokenInputProps) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={`${id}-token`} className="text-sm font-semibold">
          Encoded token
        </label>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label className="inline-flex items-center gap-1">
            <span className="text-slate-600 dark:text-slate-400">Samples</span>
            <select
              data-testid="samples"
              value=""
              onChange={(e) => {
                const id = e.target.value;
                void import('../../core/samples/blogSampleTexts').then(({ BLOG_SAMPLE_TEXTS }) => {
                  const text = BLOG_SAMPLE_TEXTS[id];
                  if (text) onChange(text);
                });
              }}
              className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
            >
              <option value="">Choose…</option>
              {BLOG_SAMPLES.map((s) => (
                <option key={s.id} value={s.id} title={s.description}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => fileRef.current?.click()} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            Open file…
          </button>
          <input
            ref={fileRef}
            type="file"
            className="hidden"
            aria-label="Open a file holding a token"
            data-testid="token-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              const read = await readTextFile(file);
              setFileError(read.ok ? null : read.message);
              if (read.ok) onChange(read.text);
            }}
          />
          <button type="button" onClick={() => onChange('')} disabled={!value} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800">
            Clear
          </button>
        </div>
      </div>
      <HoldingTextarea
        id={`${id}-token`}
        data-testid="token-input"
        value={value}
        onTextChange={onChange}
        rows={9}
        placeholder="Paste a token, an Authorization: Bearer line, a Secret, TokenRequest or kubeconfig — or drop a file anywhere."
        heldPlaceholder={heldPlaceholderText(value)}
        aria-describedby={`${id}-privacy`}
        className="block w-full resize-y rounded-lg border border-slate-300 bg-white p-2 font-mono text-[13px] break-all dark:border-slate-700 dark:bg-slate-900"
      />
      <p id={`${id}-privacy`} className="text-xs text-slate-600 dark:text-slate-400">
        Decoded in this browser tab. Nothing is sent or stored.
      </p>
      <HeldInputNotice value={value} />
      {fileError && <p role="alert" className="text-sm text-rose-800 dark:text-rose-200">{fileError}</p>}
    </div>
  );
}
