import { createHash, randomBytes } from 'node:crypto';
import { sm3, sm4 } from 'sm-crypto-v2';

/**
 * Field encryption of personal data at rest (等保 数据保密性, 密评 8.4 e) with SM4-GCM.
 * Ciphertext format: "sm4gcm:v1:<iv hex>:<ciphertext+tag hex>". One key per deployment.
 */
export class FieldCipher {
  readonly #key: string;
  /** A separate key for integrity codes, derived from the deployment key (one secret to keep). */
  readonly #macKey: string;
  constructor(keyHex: string) {
    if (!/^[0-9a-fA-F]{32}$/.test(keyHex)) throw new Error('SM4 key must be 32 hex characters');
    this.#key = keyHex.toLowerCase();
    this.#macKey = sm3(`integrity-mac:${this.#key}`);
  }

  /** HMAC-SM3 of a message (等保 数据完整性: the audit log's seal chain). */
  mac(message: string): string {
    return sm3(message, { key: this.#macKey, mode: 'hmac' });
  }

  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined || plain === '') return null;
    const iv = randomBytes(12).toString('hex');
    const out = sm4.encrypt(plain, this.#key, { mode: 'gcm', iv, output: 'string' }) as unknown as
      | string
      | { output: string; tag: string };
    const body = typeof out === 'string' ? out : `${out.output}${out.tag}`;
    return `sm4gcm:v1:${iv}:${body}`;
  }

  decrypt(stored: string | null | undefined): string | null {
    if (!stored) return null;
    const [scheme, version, iv, body] = stored.split(':');
    if (scheme !== 'sm4gcm' || version !== 'v1' || !iv || !body) throw new Error('Unrecognised ciphertext');
    const tag = body.slice(-32);
    const output = body.slice(0, -32);
    return sm4.decrypt(output, this.#key, { mode: 'gcm', iv, tag, output: 'string' }) as unknown as string;
  }

  /** Keyed SM3 digest for equality lookups on encrypted values (e.g. "same phone"). */
  blindIndex(value: string | null | undefined): string | null {
    if (!value) return null;
    return sm3(`${this.#key}:${value.trim()}`);
  }
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
