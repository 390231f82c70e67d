import { esc } from './html.ts';
import { renderDocument } from './layout.ts';

export interface MessageLink {
  href: string;
  label: string;
}

/**
 * A page for a message the visitor cannot fix on a form (unknown link, closed round, broken request).
 * Belongs to no feature: the caller says where the visitor can go next and which menu item is current.
 */
export function renderMessagePage(title: string, message: string, next: MessageLink = { href: '/', label: 'Naar de homepage' }, path = '/'): string {
  const main = `<h1 class="utrecht-heading-1">${esc(title)}</h1>
<p class="utrecht-paragraph">${esc(message)}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${esc(next.href)}">${esc(next.label)}</a></p>`;
  return renderDocument({ title, path, main, noindex: true });
}
