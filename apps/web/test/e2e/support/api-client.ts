/** The Pulse API from the test process, logged in as a user: to compare what the page shows. */
export interface TestApi {
  get<T>(path: string): Promise<T>;
  /** Whether this server has a route for `method path` (its 404s then name the resource, not the route). */
  hasRoute(method: string, path: string): Promise<boolean>;
}

export async function apiAs(baseUrl: string, email: string, password: string): Promise<TestApi> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, tenant: 'demo' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  return {
    async get<T>(path: string) {
      const response = await fetch(`${baseUrl}/api/v1${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async hasRoute(method: string, path: string) {
      const response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      if (response.status !== 404) return true;
      const body = (await response.json()) as { error?: { message?: string } };
      return !(body.error?.message ?? '').startsWith('No route');
    },
  };
}
