// A minimal keep-alive JSON client on node:http: one socket per client, so that 64 clients are
// 64 connections, as 64 browsers or integrations would be.
import http from 'node:http';

export class HttpClient {
  constructor(baseUrl, { token, skipOkBodies = false } = {}) {
    this.skipOkBodies = skipOkBodies;
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    this.token = token;
  }

  request(method, path, body, headers = {}) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            // A load generator only needs the status of a success: not parsing those bodies keeps
            // its own CPU (on the same two cores as the service) low.
            if (this.skipOkBodies && res.statusCode >= 200 && res.statusCode < 300)
              return resolve({ status: res.statusCode, headers: res.headers });
            const text = Buffer.concat(chunks).toString('utf8');
            let json;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode, body: json, text, headers: res.headers });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  get(path) {
    return this.request('GET', path);
  }
  post(path, body, headers) {
    return this.request('POST', path, body, headers);
  }
  close() {
    this.agent.destroy();
  }
}

export async function signIn(baseUrl, username, password) {
  const client = new HttpClient(baseUrl);
  const res = await client.post('/api/v1/auth/token', { username, password });
  client.close();
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${res.text}`);
  return res.body.accessToken;
}
