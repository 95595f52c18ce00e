import { Link } from 'react-router';
import type { DoraCardModel } from '../lib/dora-cards.ts';
import { BandBadge } from './BandBadge.tsx';
import { Sparkline } from './Sparkline.tsx';

/** One DORA metric: value, band, change vs the previous period, trend, and a link to its rows. */
export function DoraCard({
  card,
  benchmark,
  search,
}: {
  readonly card: DoraCardModel;
  readonly benchmark: string;
  readonly search: string;
}) {
  const link = card.drillDown.path.includes('?')
    ? `${card.drillDown.path}&${search.replace(/^\?/, '')}`
    : `${card.drillDown.path}${search}`;
  return (
    <article
      className="card metric-card"
      aria-labelledby={`card-${card.key}`}
      data-metric={card.key}
      data-value={card.value ?? ''}
      data-samples={card.sampleSize}
    >
      <header className="metric-card-head">
        <h2 id={`card-${card.key}`}>{card.title}</h2>
        {card.key !== 'deploymentReworkRate' && <BandBadge band={card.band} year={benchmark} />}
      </header>
      <p className={`metric-value${card.value === null ? ' no-data' : ''}`} data-testid="metric-value">
        {card.display}
      </p>
      <p className="metric-detail muted">{card.detail}</p>
      <div className="metric-foot">
        <span className={`change change-${card.change.tone}`} aria-label={card.change.description}>
          {card.change.text ?? '—'}
          <span className="muted"> vs previous</span>
        </span>
        <Sparkline values={card.sparkline} label={`${card.title} trend`} />
      </div>
      <Link className="drill" to={link}>
        {card.drillDown.label} →
      </Link>
    </article>
  );
}
