import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { ApiProblem, networkProblem, type Problem } from './problem.ts';
import { currentAccessToken } from './session-tokens.ts';

// The typed client of the public API, generated from /docs/json (npm run web:client writes schema.d.ts).
// Every request carries the access token when someone is signed in; a 401 refreshes it once and retries.

async function authorisedFetch(request: Request): Promise<Response> {
  const token = await currentAccessToken();
  const retry = request.clone();
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(request);
  if (response.status !== 401 || !token) return response;
  const fresh = await currentAccessToken({ forceRefresh: true });
  if (!fresh) return response;
  retry.headers.set('authorization', `Bearer ${fresh}`);
  return fetch(retry);
}

// An absolute base: Request needs one outside browsers (component tests run in jsdom on Node).
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', fetch: authorisedFetch });

interface Result<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * Awaits an `api.GET/POST/...` call and answers its data, or throws an ApiProblem carrying the problem+json
 * body (or a NETWORK_ERROR problem when the server could not be reached).
 */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch {
    throw new ApiProblem(networkProblem());
  }
  if (result.response.ok) return result.data as T;
  const body = result.error;
  const problem: Problem =
    body && typeof body === 'object' && 'code' in body
      ? ({ ...(body as object), status: result.response.status } as Problem)
      : { status: result.response.status, code: `HTTP_${result.response.status}`, detail: result.response.statusText };
  throw new ApiProblem(problem);
}

/** Uploads a multipart form with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export async function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  const token = await currentAccessToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiProblem(networkProblem()));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const problem =
        body && typeof body === 'object' && 'code' in body
          ? ({ ...(body as object), status: xhr.status } as Problem)
          : { status: xhr.status, code: `HTTP_${xhr.status}` };
      reject(new ApiProblem(problem));
    };
    xhr.send(form);
  });
}

/** A URL the browser fetches itself (images, downloads) with the bearer token: fetched and turned into a blob URL. */
export async function authorisedBlobUrl(path: string): Promise<string> {
  const response = await authorisedFetch(new Request(new URL(path, globalThis.location?.origin)));
  if (!response.ok) throw new ApiProblem({ status: response.status, code: `HTTP_${response.status}` });
  return URL.createObjectURL(await response.blob());
}
