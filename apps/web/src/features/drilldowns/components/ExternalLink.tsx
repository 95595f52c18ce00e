import type { ReactNode } from 'react';

/** A link to the source (GitHub, Jira…), opened in a new tab; nothing when the source gave no URL. */
export function ExternalLink({
  href,
  children,
}: {
  readonly href: string | null;
  readonly children: ReactNode;
}) {
  if (href === null || !/^https?:\/\//.test(href)) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
      <span className="visually-hidden"> (opens the source in a new tab)</span> ↗
    </a>
  );
}
