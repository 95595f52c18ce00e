/** The Pulse API from the test process, logged in as a user: to compare what the page shows. */
export interface TestApi {
  get<T>(path: string): Promise<T>;
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
  };
}
