/**
 * What a simulator shows before it runs: the model's result for the page's preset, computed at
 * build time, so the page has real numbers without JavaScript and search engines index them.
 */
import type { ComponentChildren } from 'preact';

export function StaticFallback({ title, notice, children }: { title: string; notice: string; children: ComponentChildren }) {
  return (
    <div class="kit-frame kit-fallback">
      <p class="kit-fallback-title">
        <strong>{title}</strong>
      </p>
      <p class="kit-notice">{notice}</p>
      {/* Focusable so keyboard users can scroll a table wider than a phone. */}
      <section class="kit-scroll" tabIndex={0} aria-label="Snapshot of the run">
        {children}
      </section>
      <p class="kit-fallback-note">This is a fixed snapshot of the run. With JavaScript on, the simulator plays it step by step and lets you change every setting.</p>
    </div>
  );
}
