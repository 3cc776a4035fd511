// @ts-check

import { ApiError, parseBody } from './api.js';

/**
 * Sends a file to intake with the bearer token and reports how far it got. fetch cannot
 * report the bytes of a request body as they leave, XMLHttpRequest can (upload progress
 * events); once the last byte is out the server is reading the file, which the page shows as
 * "checking". A 401 renews the session once, as every other call does, and sends again.
 */

/**
 * sending: bytes out of the total left the browser; checking: all sent, the server is reading.
 * @typedef {{ phase: 'sending', sent: number, total: number } | { phase: 'checking' }} UploadProgress
 */

/**
 * @param {import('./api.js').Api} api
 * @param {string} url
 * @param {FormData} body
 * @param {(progress: UploadProgress) => void} onProgress
 * @returns {Promise<import('./api.js').Answer>}
 */
export async function uploadForm(api, url, body, onProgress) {
  let answer = await post(url, body, api.accessToken(), onProgress);
  if (answer.status === 401) {
    // Renews the token, or ends the session (and throws) when it cannot be renewed.
    await api.unscoped.get('/me');
    answer = await post(url, body, api.accessToken(), onProgress);
  }
  return answer;
}

/**
 * @param {string} url
 * @param {FormData} body
 * @param {string} token
 * @param {(progress: UploadProgress) => void} onProgress
 * @returns {Promise<import('./api.js').Answer>}
 */
function post(url, body, token, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new window.XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ phase: 'sending', sent: event.loaded, total: event.total });
    });
    request.upload.addEventListener('load', () => onProgress({ phase: 'checking' }));
    request.addEventListener('load', () =>
      resolve({
        status: request.status,
        ok: request.status >= 200 && request.status < 300,
        body: parseBody(request.responseText),
      }),
    );
    const failed = () =>
      reject(new ApiError({ status: 0, code: 'network', message: `could not reach ${url}` }));
    request.addEventListener('error', failed);
    request.addEventListener('abort', failed);
    request.send(body);
  });
}
