import { CSRF_HEADER } from '../platform/http/origin-check';

export interface GraphqlError {
  message: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface GraphqlResponse<T = any> {
  status: number;
  data: T | null;
  errors?: GraphqlError[];
  headers: Headers;
}

/** A browser-like GraphQL client over real HTTP: keeps the session cookie, sends the CSRF header. */
export class TestClient {
  cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { csrf?: boolean; origin?: string; headers?: Record<string, string> } = {},
  ): Promise<GraphqlResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.csrf !== false) headers[CSRF_HEADER] = '1';
    if (options.origin) headers.origin = options.origin;
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const body = (await response.json()) as { data?: T; errors?: GraphqlError[] };
    return { status: response.status, data: body.data ?? null, errors: body.errors, headers: response.headers };
  }

  /** Runs a query that must succeed and returns its data. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async signIn(email: string, password: string) {
    return this.gql(`mutation($input: SignInInput!) { signIn(input: $input) { id } }`, { input: { email, password } });
  }
}

/** The first error's code and field, for compact assertions. */
export function errorOf(result: GraphqlResponse): { code?: string; field?: string } {
  const [error] = result.errors ?? [];
  return { code: error?.extensions?.code, field: error?.extensions?.field };
}
