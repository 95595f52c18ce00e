import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { tenantApi, type Tenant } from '../api/tenant-api.ts';
import { contrastRatio } from '../lib/contrast-ratio.ts';
import { isHexColor } from '../lib/is-hex-color.ts';
import { readLogoFile } from '../lib/read-logo-file.ts';
import { readableTextColor } from '../lib/readable-text-color.ts';

/** The organisation's name, logo and primary colour (admin). */
export function BrandingPage() {
  const tenant = useQuery({
    queryKey: ['tenant'],
    queryFn: ({ signal }) => tenantApi.get(signal),
    retry: false,
  });
  return (
    <>
      <h1>Branding</h1>
      {tenant.error !== null && <ErrorBox error={tenant.error} title="Branding unavailable" />}
      {tenant.data !== undefined && <BrandingForm key={tenant.data.id} tenant={tenant.data} />}
    </>
  );
}

/** The form, starting from the tenant's current settings. */
function BrandingForm({ tenant }: { readonly tenant: Tenant }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(tenant.name);
  const [logoUrl, setLogoUrl] = useState<string | null>(tenant.branding.logoUrl);
  const [color, setColor] = useState(tenant.branding.primaryColor ?? '#2563eb');
  const [useColor, setUseColor] = useState(tenant.branding.primaryColor !== null);
  const [fileError, setFileError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: tenantApi.update,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['tenant'] });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name: name.trim(), branding: { logoUrl, primaryColor: useColor ? color : null } });
  };
  const onWhite = isHexColor(color) ? contrastRatio(color, '#ffffff') : 0;
  return (
    <form className="card form" onSubmit={submit} aria-label="Branding">
      <label>
        Organisation name
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <fieldset>
        <legend>Logo</legend>
        {logoUrl !== null && <img src={logoUrl} alt="Current logo" className="logo-preview" />}
        <input
          type="file"
          aria-label="Logo file (PNG, SVG or JPEG, at most 100 kB)"
          accept="image/png,image/svg+xml,image/jpeg"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file === undefined) return;
            void readLogoFile(file).then((r) => {
              if ('url' in r) {
                setLogoUrl(r.url);
                setFileError(null);
              } else setFileError(r.error);
            });
          }}
        />
        {fileError !== null && <p className="field-error">{fileError}</p>}
        {logoUrl !== null && (
          <button type="button" onClick={() => setLogoUrl(null)}>
            Remove logo
          </button>
        )}
      </fieldset>
      <fieldset>
        <legend>Primary colour</legend>
        <label className="checkbox">
          <input type="checkbox" checked={useColor} onChange={(e) => setUseColor(e.target.checked)} /> Use a
          brand colour
        </label>
        {useColor && (
          <>
            <input
              type="color"
              aria-label="Primary colour"
              value={color}
              onChange={(e) => setColor(e.target.value)}
            />
            <span className="brand-sample" style={{ background: color, color: readableTextColor(color) }}>
              Button text
            </span>
            <p className="muted small">
              Contrast with white: {onWhite.toFixed(1)}:1. Buttons use{' '}
              {readableTextColor(color) === '#ffffff' ? 'white' : 'black'} text on it for readability.
            </p>
          </>
        )}
      </fieldset>
      {save.error !== null && <ErrorBox error={save.error} title="Not saved" />}
      {save.isSuccess && <p role="status">Saved.</p>}
      <button type="submit" className="primary" disabled={save.isPending}>
        Save branding
      </button>
    </form>
  );
}
