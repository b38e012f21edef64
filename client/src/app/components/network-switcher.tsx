import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { ViewerMembership } from '../../auth/viewer';

/** The current network's name; a menu of the member's other networks when she has several. */
export function NetworkSwitcher({
  memberships,
  currentSlug,
}: {
  memberships: ViewerMembership[];
  currentSlug: string | null;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const current = memberships.find((m) => m.network.slug === currentSlug) ?? memberships[0];

  // Moving to another page closes the menu.
  const [openedOn, setOpenedOn] = useState(pathname);
  if (pathname !== openedOn) {
    setOpenedOn(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | FocusEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('focusin', close);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('focusin', close);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  if (!current) return null;
  if (memberships.length < 2) {
    return (
      <Link to={`/n/${current.network.slug}`} className="network-name">
        {current.network.name}
      </Link>
    );
  }

  return (
    <div className="switcher" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="switcher__button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{`${t('nav.switchNetwork')}:`}</span> {current.network.name}
        <span aria-hidden="true" className="switcher__chevron">
          ▾
        </span>
      </button>
      <ul id={listId} className="switcher__list" hidden={!open}>
        {memberships.map((m) => (
          <li key={m.id}>
            <Link
              to={`/n/${m.network.slug}`}
              aria-current={m.network.slug === current.network.slug ? 'true' : undefined}
            >
              {m.network.name}
              <span className="switcher__role">{t(`roles.${m.role}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
