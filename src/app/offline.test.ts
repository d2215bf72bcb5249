/**
 * When the service worker is registered (src/app/offline.ts): never during the first load, but once the
 * app is in use — 1.5 s after the first click, key or route change — or 10 s after start; once only.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenInUse } from './offline';

describe('whenInUse', () => {
  let page: EventTarget;
  beforeEach(() => {
    vi.useFakeTimers();
    page = new EventTarget();
    vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for the first use, then 1.5 s, and runs once however much use follows', () => {
    const run = vi.fn();
    whenInUse(run);
    vi.advanceTimersByTime(1400);
    expect(run).not.toHaveBeenCalled();
    page.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(1499);
    expect(run).not.toHaveBeenCalled();
    page.dispatchEvent(new Event('keydown'));
    page.dispatchEvent(new Event('hashchange'));
    page.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(20_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs after 10 s when nobody touches the page, and not again on a later click', () => {
    const run = vi.fn();
    whenInUse(run);
    vi.advanceTimersByTime(9999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    page.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('a route change counts as use', () => {
    const run = vi.fn();
    whenInUse(run);
    page.dispatchEvent(new Event('hashchange'));
    vi.advanceTimersByTime(1500);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
