/**
 * Keeps the end of the page clear of the fixed banner, so it never hides the focused element
 * (WCAG 2.4.11): the page gets scroll padding and extra room at the bottom as tall as the banner.
 * Nothing above moves, so this causes no layout shift. Styles are set through the CSSOM, which
 * a strict Content Security Policy allows.
 */
export class PageInset {
  private observer?: ResizeObserver;
  private saved?: {scrollPadding: string; padding: string; basePadding?: number};

  watch(banner: HTMLElement): void {
    if (this.observer) return;
    const root = document.documentElement;
    const body = document.body;
    this.saved = {scrollPadding: root.style.scrollPaddingBottom, padding: body.style.paddingBottom};
    // Measured in the observer's callback, after layout, so nothing forces an early style pass.
    // Its layout box, not its painted one: the entry animation's translate would make it 1em short.
    this.observer = new ResizeObserver(() => {
      const height = banner.offsetHeight;
      const covered = Math.ceil(height + (parseFloat(getComputedStyle(banner).bottom) || 0));
      // A hidden banner (while the panel is open) has no box: keep the room it had.
      if (!this.saved || height === 0) return;
      this.saved.basePadding ??= parseFloat(getComputedStyle(body).paddingBottom) || 0;
      root.style.scrollPaddingBottom = `${covered}px`;
      body.style.paddingBottom = `${this.saved.basePadding + covered}px`;
    });
    this.observer.observe(banner);
  }

  release(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (!this.saved) return;
    document.documentElement.style.scrollPaddingBottom = this.saved.scrollPadding;
    document.body.style.paddingBottom = this.saved.padding;
    this.saved = undefined;
  }
}
