/**
 * The interactive API page at /docs: self-contained (no CDN, Pulse runs offline), it reads
 * /api/v1/openapi.json, lists every operation with its parameters and lets you send a request
 * with your token.
 */
export const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pulse API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem 1.5rem;color:#1b1f24}
h1{font-size:1.5rem}code,pre,input,textarea{font:13px ui-monospace,monospace}
details{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}
summary{cursor:pointer}.m{display:inline-block;min-width:4.5rem;font-weight:600}
.GET{color:#0969da}.POST{color:#1a7f37}.DELETE{color:#cf222e}.PATCH{color:#9a6700}
label{display:block;margin:.3rem 0}input{width:18rem}textarea{width:100%;height:6rem}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:24rem}button{margin:.4rem 0}
</style></head><body>
<h1>Pulse API</h1>
<p>The machine-readable document is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
Log in with <code>POST /api/v1/auth/login</code>, then paste the access token (or an API key) here.</p>
<label>Bearer token <input id="token" type="password" autocomplete="off"></label>
<div id="ops">Loading…</div>
<script>
const ops = document.getElementById('ops');
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
fetch('/api/v1/openapi.json').then((r) => r.json()).then((doc) => {
  ops.textContent = '';
  for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) {
    const m = method.toUpperCase();
    const el = document.createElement('details');
    const params = op.parameters || [];
    el.innerHTML = '<summary><span class="m ' + m + '">' + m + '</span><code>' + esc(path) + '</code> — ' + esc(op.summary) + '</summary>'
      + params.map((p) => '<label>' + esc(p.name) + ' (' + p.in + (p.required ? ', required' : '') + ') <input data-p="' + esc(p.name) + '" data-in="' + p.in + '" placeholder="' + esc(p.description || '') + '"></label>').join('')
      + (op.requestBody ? '<label>JSON body<textarea data-body></textarea></label>' : '')
      + '<button>Send</button><pre hidden></pre>';
    el.querySelector('button').onclick = async () => {
      let url = path; const q = new URLSearchParams();
      for (const input of el.querySelectorAll('input[data-p]')) if (input.value) {
        if (input.dataset.in === 'path') url = url.replace('{' + input.dataset.p + '}', encodeURIComponent(input.value));
        else q.append(input.dataset.p, input.value);
      }
      const headers = {}; const token = document.getElementById('token').value.trim();
      if (token) headers.authorization = 'Bearer ' + token;
      const body = el.querySelector('[data-body]');
      if (body) headers['content-type'] = 'application/json';
      const res = await fetch(url + (q.size ? '?' + q : ''), { method: m, headers, body: body ? body.value : undefined });
      const out = el.querySelector('pre'); out.hidden = false;
      out.textContent = res.status + ' ' + res.statusText + '\\n\\n' + (await res.text());
    };
    ops.appendChild(el);
  }
}).catch((e) => { ops.textContent = 'Could not load the API document: ' + e; });
</script></body></html>`;
