// Placeholder until the builder lands (issue: build and sign tokens in the browser).
export default function BuilderPage({ onOpenInDecoder }: { onOpenInDecoder: (token: string, publicKey: string) => void }) {
  return (
    <button type="button" onClick={() => onOpenInDecoder('', '')}>
      Not built yet
    </button>
  );
}
