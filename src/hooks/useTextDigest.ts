import { useEffect, useState } from 'react';
import { digestText } from '../core/text/digestText';

/**
 * The SHA-256 of `text`, or null until it is known. Query keys use it instead of the text, so a
 * large key file is neither copied into nor hashed by the query cache on every render.
 */
export function useTextDigest(text: string): string | null {
  const [known, setKnown] = useState<{ text: string; digest: string } | null>(null);
  useEffect(() => {
    let current = true;
    void digestText(text).then((digest) => {
      if (current) setKnown({ text, digest });
    });
    return () => {
      current = false;
    };
  }, [text]);
  return known !== null && known.text === text ? known.digest : null;
}
