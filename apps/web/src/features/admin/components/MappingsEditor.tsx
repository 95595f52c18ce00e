import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { ApiError } from '../../../lib/api/api-error.ts';
import { integrationsApi, type MappingChanges, type Mappings } from '../api/integrations-api.ts';
import { mappingChanges } from '../lib/mapping-changes.ts';

const categories = ['todo', 'in_progress', 'waiting', 'done'] as const;
const kinds = ['feature', 'defect', 'risk', 'debt', 'incident'] as const;

/** Which tracker statuses mean todo / in progress / waiting / done, and which issue types are which kind. */
export function MappingsEditor({ integrationId }: { readonly integrationId: number }) {
  const mappings = useQuery({
    queryKey: ['mappings', integrationId],
    queryFn: ({ signal }) => integrationsApi.mappings(integrationId, signal),
    retry: false,
  });
  return (
    <section className="card" aria-labelledby="mappings">
      <h2 id="mappings">Mappings</h2>
      {mappings.error !== null &&
        (mappings.error instanceof ApiError && mappings.error.message.startsWith('No route') ? (
          <p className="muted">
            This server does not edit mappings over HTTP yet: use <code>pulse mappings</code> on the server.
          </p>
        ) : (
          <ErrorBox error={mappings.error} title="Mappings unavailable" />
        ))}
      {mappings.data !== undefined && (
        // A new status or type (after a sync) starts the form again; a save keeps it.
        <MappingsForm
          key={[...mappings.data.statuses, ...mappings.data.types].map((m) => m.source).join('\n')}
          integrationId={integrationId}
          initial={mappings.data}
        />
      )}
    </section>
  );
}

/** The editable mappings, starting from what the server has. */
function MappingsForm({
  integrationId,
  initial,
}: {
  readonly integrationId: number;
  readonly initial: Mappings;
}) {
  const [draft, setDraft] = useState<Mappings>(initial);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (changes: MappingChanges) => integrationsApi.saveMappings(integrationId, changes),
    onSuccess: (result) => queryClient.setQueryData(['mappings', integrationId], result.mappings),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(mappingChanges(initial, draft));
      }}
    >
      <div className="two-columns">
        <table>
          <caption>Statuses</caption>
          <tbody>
            {draft.statuses.map((s, i) => (
              <tr key={s.source}>
                <th scope="row">
                  {s.source} <span className="muted small">{describe(s)}</span>
                </th>
                <td>
                  <select
                    aria-label={`Category of status ${s.source}`}
                    value={s.category}
                    onChange={(e) =>
                      setDraft({
                        ...draft,
                        statuses: draft.statuses.map((x, j) =>
                          j === i ? { ...x, category: e.target.value as typeof x.category } : x,
                        ),
                      })
                    }
                  >
                    {categories.map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>Issue types</caption>
          <tbody>
            {draft.types.map((t, i) => (
              <tr key={t.source}>
                <th scope="row">
                  {t.source} <span className="muted small">{describe(t)}</span>
                </th>
                <td>
                  <select
                    aria-label={`Kind of issue type ${t.source}`}
                    value={t.kind}
                    onChange={(e) =>
                      setDraft({
                        ...draft,
                        types: draft.types.map((x, j) =>
                          j === i ? { ...x, kind: e.target.value as typeof x.kind } : x,
                        ),
                      })
                    }
                  >
                    {kinds.map((k) => (
                      <option key={k}>{k}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="submit" disabled={save.isPending}>
        Save mappings
      </button>
      {save.data !== undefined && (
        <p role="status">Mappings saved: {save.data.remapped} stored records were mapped again.</p>
      )}
      {save.error !== null && <ErrorBox error={save.error} />}
    </form>
  );
}

/** "default, 12 items" — whether the connector's default applies and how many items have it. */
function describe(m: { origin?: 'default' | 'set'; items?: number }): string {
  return [
    m.origin === 'set' ? 'set' : m.origin === 'default' ? 'default' : '',
    m.items === undefined ? '' : `${m.items} items`,
  ]
    .filter(Boolean)
    .join(', ');
}
