import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';

/**
 * The origin links in emails point at: PUBLIC_URL, else the address the server listens on (set
 * at start-up), so emails written with no request at hand (digests, reminders) link somewhere real.
 */
@Injectable()
export class MailLinks {
  private listeningOrigin: string | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  setListeningOrigin(origin: string): void {
    this.listeningOrigin = origin;
  }

  get origin(): string {
    return this.config.publicUrl ?? this.listeningOrigin ?? `http://localhost:${this.config.port}`;
  }

  /** An absolute URL for a path of the web app (`/n/slug/ideas/1`). */
  url(path: string): string {
    return `${this.origin}${path.startsWith('/') ? path : `/${path}`}`;
  }

  network(slug: string, page: string): string {
    return this.url(`/n/${slug}/${page}`);
  }

  get accountSettings(): string {
    return this.url('/account');
  }
}
