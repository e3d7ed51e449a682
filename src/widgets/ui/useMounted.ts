/**
 * False on the server and on the first client render, true after: an island renders its static
 * run until then, so hydration matches the server's HTML before the live simulator takes over.
 */
import { useEffect, useState } from 'preact/hooks';

export function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}
