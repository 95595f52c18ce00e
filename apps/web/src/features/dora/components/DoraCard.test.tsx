import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { DoraCardModel } from '../lib/dora-cards.ts';
import { DoraCard } from './DoraCard.tsx';

const card: DoraCardModel = {
  key: 'changeFailRate',
  title: 'Change fail rate',
  value: 2 / 9,
  display: '22.2 %',
  detail: '2 of 9 deployments failed',
  band: 'medium',
  sampleSize: 9,
  change: { text: '−7.8 pp', tone: 'better', description: 'down 7.8 pp vs previous period (better)' },
  sparkline: [0.1, 0.3, 0.2],
  drillDown: { path: '/deployments?failed=true', label: 'Failed deployments' },
};

const render = (model: DoraCardModel, search = '') =>
  renderToStaticMarkup(
    <MemoryRouter>
      <DoraCard card={model} benchmark="2024" search={search} />
    </MemoryRouter>,
  );

describe('DoraCard', () => {
  it('shows the value, band, change and a link that keeps the filters', () => {
    const html = render(card, '?period=30d&repository=acme%2Fapi');
    expect(html).toContain('data-value="0.2222222222222222"');
    expect(html).toContain('>22.2 %</p>');
    expect(html).toContain('title="DORA 2024 benchmark band">Medium</span>');
    expect(html).toContain(
      'class="change change-better" aria-label="down 7.8 pp vs previous period (better)"',
    );
    expect(html).toContain('href="/deployments?failed=true&amp;period=30d&amp;repository=acme%2Fapi"');
    expect(html).toContain('<svg class="sparkline"');
  });

  it('says "Not enough data" with no band, no trend and no comparison', () => {
    const html = render({
      ...card,
      value: null,
      display: 'Not enough data',
      band: null,
      sparkline: [null, null],
      change: { text: null, tone: 'none', description: 'no comparison' },
    });
    expect(html).toContain('data-value=""');
    expect(html).toContain('class="metric-value no-data" data-testid="metric-value">Not enough data</p>');
    expect(html).toContain('>No band</span>');
    expect(html).toContain('no trend');
    expect(html).not.toContain('<svg');
  });
});
