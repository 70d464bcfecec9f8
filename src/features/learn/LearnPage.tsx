import { Button } from '../../components/Button';
import { Panel } from '../../components/Panel';
import { LEARN_SECTIONS, LEARN_TIMELINE } from '../../core/kubernetes/learnCatalogue';
import { BLOG_SAMPLES } from '../../core/samples/blogSamples';

/** A short, accurate explainer (route #learn), with each sample one click away. */
export default function LearnPage({ onOpenSample }: { onOpenSample: (id: string) => void }) {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h2 className="text-base font-semibold">How service account tokens work</h2>
      {LEARN_SECTIONS.map((section) => (
        <Panel key={section.id} id={`learn-${section.id}`} title={section.title}>
          <div className="space-y-2 text-sm leading-relaxed">
            {section.paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
            {section.samples && (
              <div className="flex flex-wrap gap-2 pt-1">
                {section.samples.map((id) => (
                  <Button key={id} size="sm" data-testid="learn-sample" data-sample={id} onClick={() => onOpenSample(id)}>
                    Open the {BLOG_SAMPLES.find((s) => s.id === id)?.title ?? id}
                  </Button>
                ))}
              </div>
            )}
          </div>
        </Panel>
      ))}
      <Panel id="timeline" title="Timeline">
        <ol className="space-y-2 text-sm">
          {LEARN_TIMELINE.map((entry) => (
            <li key={entry.version} className="grid grid-cols-[3.5rem_1fr] gap-2">
              <span className="font-mono font-semibold">{entry.version}</span>
              <span>
                <span className="font-medium">{entry.title}.</span> {entry.detail}
              </span>
            </li>
          ))}
        </ol>
      </Panel>
    </div>
  );
}
