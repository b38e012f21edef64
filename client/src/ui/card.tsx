import { type ReactNode, useId } from 'react';

/** A titled region of a page; its h2 names it for assistive technology. `anchor`: an id links may point at (`#anchor`). */
export function Card({
  title,
  children,
  className,
  anchor,
}: {
  title: ReactNode;
  children: ReactNode;
  className?: string;
  anchor?: string;
}) {
  const id = useId();
  return (
    <section id={anchor} className={`card ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
