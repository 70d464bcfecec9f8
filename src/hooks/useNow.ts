import { useEffect, useState } from 'react';

/** The current time in seconds, from Date.now() (so tests can pin the clock), refreshed every second. */
export function useNow(live: boolean): number {
  const [now, setNow] = useState(() => Date.now() / 1000);
  useEffect(() => {
    if (!live) return;
    const tick = () => setNow(Date.now() / 1000);
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [live]);
  return now;
}
