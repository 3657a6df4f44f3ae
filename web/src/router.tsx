import { useEffect, useState, type AnchorHTMLAttributes, type ComponentType, type MouseEvent } from 'react';

/** A page of the app: `/take/:token`, `/app/questions/:id`, `/app/*` (the rest of a path). */
export interface PageRoute {
  path: string;
  page: ComponentType<{ params: Record<string, string> }>;
}

export function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const wanted = pattern.split('/').filter(Boolean);
  const given = pathname.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i++) {
    if (wanted[i] === '*') {
      params['*'] = given.slice(i).map(decodeURIComponent).join('/');
      return params;
    }
    if (i >= given.length) return undefined;
    if (wanted[i].startsWith(':')) params[wanted[i].slice(1)] = decodeURIComponent(given[i]);
    else if (wanted[i] !== given[i]) return undefined;
  }
  return given.length === wanted.length ? params : undefined;
}

const changed = 'assay:navigate';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(changed));
}

export function usePathname(): string {
  const [pathname, setPathname] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPathname(location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(changed, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(changed, update);
    };
  }, []);
  return pathname;
}

/** An in-app link: a real `<a href>` (keyboard, new tab, screen readers), routed without a reload. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
