import type { AnchorHTMLAttributes } from 'react';
import { Link } from '../router';

/** A link from the API (absolute, APP_URL-based): followed inside the portal when it points here. */
export function LinkOrAnchor({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  let url: URL | null = null;
  try {
    url = new URL(href, window.location.origin);
  } catch {
    url = null;
  }
  if (url && url.origin === window.location.origin) return <Link to={`${url.pathname}${url.search}`} {...rest} />;
  return <a href={href} {...rest} />;
}
