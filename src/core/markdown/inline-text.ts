import type { Token } from 'markdown-it';
import type { Link } from '../model/roadmap.js';

export interface InlineText {
  /** Plain text: emphasis, code and link markup removed, line breaks as spaces. */
  text: string;
  links: Link[];
  /** The text of a leading bold/strong run, e.g. "Platform" in "**Platform**: Coursera". */
  leadingStrong?: string;
  /** Alt text of the images in it (a logo before a link, a preview picture), when there are any. */
  imageAlts?: string[];
}

/**
 * Flattens a markdown-it inline token into plain text and the links it contains. `images: false` leaves
 * out images' alt text (a badge in a title: "Awesome MLOps [![Awesome](…)](…)").
 */
export function inlineText(inline: Token | undefined, images = true): InlineText {
  const children = inline?.children ?? [];
  let text = '';
  const links: Link[] = [];
  let linkHref: string | undefined;
  let linkStart = 0;
  let strongStart = -1;
  let leadingStrong: string | undefined;
  let imageAlts: string[] | undefined;
  for (const token of children) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
      case 'text_special':
        text += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'image':
        if (images) text += token.content;
        if (imageAlts) imageAlts.push(token.content);
        else imageAlts = [token.content];
        break;
      case 'link_open':
        linkHref = String(token.attrGet('href') ?? '');
        linkStart = text.length;
        break;
      case 'link_close':
        if (linkHref !== undefined) links.push({ text: text.slice(linkStart).trim(), url: linkHref });
        linkHref = undefined;
        break;
      case 'strong_open':
        if (text.trim() === '' && leadingStrong === undefined) strongStart = text.length;
        break;
      case 'strong_close':
        if (strongStart >= 0) leadingStrong = text.slice(strongStart).trim();
        strongStart = -1;
        break;
      default:
        break;
    }
  }
  // Collapsing whitespace is needed only where there is more than single spaces (most titles have not).
  const collapsed = /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
  const result: InlineText = { text: collapsed.trim(), links };
  if (leadingStrong) result.leadingStrong = leadingStrong;
  if (imageAlts) result.imageAlts = imageAlts;
  return result;
}
