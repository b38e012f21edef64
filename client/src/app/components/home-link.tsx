import { Link } from 'react-router';
import { Brand } from './page-frame';

/** The banner's link home, within the app. */
export function HomeLink() {
  return (
    <Link to="/" className="brand">
      <Brand />
    </Link>
  );
}
