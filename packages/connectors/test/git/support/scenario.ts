/**
 * The repository most tests read: linear commits, a two-parent merge and an octopus merge,
 * rewritten dates with different offsets, hostile messages, binary files, a rename, a bot, and
 * lightweight, annotated and nested tags.
 */
import { ada, bob, dependabot, TestRepo } from './test-repo.ts';

export const trickyMessage =
  'Ünïcödé ✓ — 日本語 🚀\n\nA body with\ttabs, \u001e record and \u001f unit separators,\n1\t2\tnot-a-numstat-line\n\n\nand blank lines.\n';

export interface Scenario {
  readonly repo: TestRepo;
  readonly shas: Readonly<Record<string, string>>;
}

/** Builds the scenario repository (a working tree) and returns it with its commits by label. */
export function buildScenario(repo = TestRepo.init()): Scenario {
  const shas: Record<string, string> = {};
  shas.initial = repo.commit('Initial commit\n', { files: { 'README.md': '# api\n' } });
  shas.rewritten = repo.commit('Add parser\n\nRebased onto main later.\n', {
    files: { 'src/parser.ts': 'export const parse = 1;\nexport const two = 2;\n' },
    at: '2024-03-01T10:00:00+05:30',
    committer: bob,
    committedAt: '2024-03-03T18:00:00-08:00',
  });
  repo.git(['tag', 'v1.0']);
  repo.git(['branch', 'feature']);
  shas.tricky = repo.commit(trickyMessage, {
    files: { 'docs/ünï.md': 'ü\n', 'README.md': '# API\n\nMore.\n' },
  });
  repo.git(['checkout', '-q', 'feature']);
  shas.feature = repo.commit('Feature work\n', { author: bob, files: { 'src/feature.ts': 'a\nb\nc\n' } });
  repo.git(['checkout', '-q', 'main']);
  shas.merge = repo.merge(['feature'], 'Merge branch feature');
  for (const leg of ['a', 'b', 'c']) {
    repo.git(['checkout', '-q', '-b', `leg-${leg}`, shas.merge]);
    shas[`leg-${leg}`] = repo.commit(`Leg ${leg}\n`, { files: { [`legs/${leg}.txt`]: `${leg}\n` } });
  }
  repo.git(['checkout', '-q', 'main']);
  shas.octopus = repo.merge(['leg-a', 'leg-b', 'leg-c'], 'Octopus merge of three legs');
  repo.git(['tag', '-a', 'v1.1', '-m', 'Release 1.1'], {
    env: { GIT_COMMITTER_DATE: '2024-03-05T12:00:00+02:00' },
  });
  repo.git(['tag', '-a', 'v1.1-signed', '-m', 'A tag of a tag', 'v1.1'], {
    env: { GIT_COMMITTER_DATE: '2024-03-05T13:00:00+02:00' },
  });
  shas.binary = repo.commit('Add logo\n', { files: { 'logo.png': Buffer.from([0, 1, 2, 3, 0, 255]) } });
  repo.git(['mv', 'src/parser.ts', 'src/parse.ts']);
  shas.rename = repo.commit('Rename parser\n', { files: {} });
  shas.bot = repo.commit('Bump left-pad from 1.0.0 to 1.0.1\n', {
    author: dependabot,
    committer: { name: 'GitHub', email: 'noreply@github.com' },
    files: { 'package.json': '{"left-pad":"1.0.1"}\n', 'README.md': null },
  });
  // A tag of a tree has no commit: the connector skips it.
  repo.git(['tag', 'tree-only', `${shas.initial}^{tree}`]);
  void ada;
  return { repo, shas };
}
