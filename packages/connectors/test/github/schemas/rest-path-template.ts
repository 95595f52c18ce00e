/**
 * Maps a concrete request path to the GitHub REST path template it was built from.
 */
import { loadRestFixture } from './rest-fixture.ts';

interface Matcher {
  template: string;
  pattern: RegExp;
  literalSegments: number;
}

let matchers: Matcher[] | undefined;

// GitHub Enterprise Server serves the same API below /api/v3.
const ghesPrefix = /^\/api\/v3(?=\/)/;

function buildMatchers(): Matcher[] {
  const templates = Object.keys(loadRestFixture().endpoints).map((key) => key.replace(/^GET /, ''));
  const built = templates.map((template) => {
    const segments = template.split('/').slice(1);
    // A ref is a branch or tag name and may contain "/" (feature/login) when the caller did not encode it.
    const parts = segments.map((segment) =>
      segment === '{ref}' ? '.+' : segment.startsWith('{') ? '[^/]+' : escapeRegExp(segment),
    );
    const literalSegments = segments.filter((segment) => !segment.startsWith('{')).length;
    return { template, pattern: new RegExp(`^/${parts.join('/')}$`), literalSegments };
  });
  // More literal segments first, so a fixed path wins over a parameter in the same position.
  return built.sort((a, b) => b.literalSegments - a.literalSegments);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The path template of a concrete path or URL, e.g.
 * `restPathTemplate('/repos/acme/api/deployments/5/statuses?per_page=100')`
 * → `'/repos/{owner}/{repo}/deployments/{deployment_id}/statuses'`. Throws for paths the fixture lacks.
 */
export function restPathTemplate(urlPath: string): string {
  const pathname = new URL(urlPath, 'http://github.invalid').pathname.replace(ghesPrefix, '');
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  matchers ??= buildMatchers();
  const match = matchers.find((matcher) => matcher.pattern.test(trimmed));
  if (match === undefined) {
    throw new Error(
      `no GitHub REST endpoint in rest-schemas.json matches ${trimmed}; ` +
        'add it to packages/connectors/scripts/extract-github-schemas.ts and rerun the script',
    );
  }
  return match.template;
}
