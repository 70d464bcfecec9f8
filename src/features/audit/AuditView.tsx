// Placeholder until the audit view lands (issue: audit a whole cluster's token Secrets).
export default function AuditView({ text }: { text: string; keyText: string }) {
  return <p className="text-sm">Audit of {text.length} characters: not built yet.</p>;
}
