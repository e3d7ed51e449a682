/**
 * Whether an element is on screen in a visible tab, and whether the reader asked for reduced
 * motion: a simulator pauses when either visibility goes, and steps without tweening under
 * prefers-reduced-motion.
 */
import { useEffect, useState, type MutableRef } from 'preact/hooks';

export function useOnScreen(ref: MutableRef<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  const [tabVisible, setTabVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    const io = el && 'IntersectionObserver' in window ? new IntersectionObserver(([e]) => setOnScreen(!!e?.isIntersecting)) : null;
    if (io && el) io.observe(el);
    const onVis = () => setTabVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVis);
    onVis();
    return () => {
      io?.disconnect();
      document.removeEventListener('visibilitychange', onVis);
    };
  }, []);
  return onScreen && tabVisible;
}

export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const mq = matchMedia('(prefers-reduced-motion: reduce)');
    const on = () => setReduced(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}
