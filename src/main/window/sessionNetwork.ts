/* eng-disable CERTIFICATE_VERIFY_PROC_JS_CHECK: only an unknown issuer is reconsidered, against the CA the user chose */
import { X509Certificate } from 'node:crypto';
import { app, type Certificate, type Session } from 'electron';
import { chromiumBypassRules } from '../../shared/rules/proxyBypass';
import { isUsableManual, proxyAddress, type NetworkHost, type ProxyPlan } from '../net/proxyPlan';

/**
 * The Network settings applied to the sessions main's requests go through (the relay's, and the
 * updater's, so update checks take the same way as chats): Chromium's own proxy resolution, so
 * "system" follows the OS settings, PAC and WPAD included. Proxy credentials are answered from
 * the plan when Chromium asks (the `login` event, for any of them); Chromium has no SOCKS5
 * authentication, so a SOCKS5 proxy here must not need one. The extra CA is trusted in each.
 */
export function sessionNetwork(sessions: readonly Session[]): NetworkHost {
  let plan: ProxyPlan | null = null;
  let asked = 0;

  app.on('login', (event, _contents, _details, authInfo, callback) => {
    if (!authInfo.isProxy || plan === null || plan.username === '') return;
    // Wrong credentials make Chromium ask again: answer once per plan, then let it fail (407).
    if (asked++ > 0) return;
    event.preventDefault();
    callback(plan.username, plan.password ?? '');
  });

  for (const ses of sessions)
    ses.setCertificateVerifyProc((request, callback) => {
      // -3: Chromium's own verdict. Only an unknown issuer is reconsidered, against the extra CA.
      const ca = plan?.ca ?? null;
      if (ca === null || request.verificationResult !== 'net::ERR_CERT_AUTHORITY_INVALID')
        return callback(-3);
      callback(issuedBy(request.certificate, request.hostname, ca) ? 0 : -3);
    });

  return {
    async apply(next) {
      plan = next;
      asked = 0;
      await Promise.all(sessions.map((ses) => applySessionProxy(ses, next)));
    },
  };
}

/** The plan's proxy on one session. */
async function applySessionProxy(ses: Session, next: ProxyPlan): Promise<void> {
  if (next.mode === 'system') await ses.setProxy({ mode: 'system' });
  else if (!isUsableManual(next)) await ses.setProxy({ mode: 'direct' });
  else
    await ses.setProxy({
      mode: 'fixed_servers',
      proxyRules: proxyAddress(next),
      proxyBypassRules: chromiumBypassRules(next.bypass),
    });
}

/** The chain of `cert` reaches a certificate signed by `caPem`, and the leaf names `host`. */
function issuedBy(cert: Certificate, host: string, caPem: string): boolean {
  try {
    const ca = new X509Certificate(caPem);
    const leaf = new X509Certificate(cert.data);
    if (leaf.checkHost(host) === undefined && leaf.checkIP(host) === undefined) return false;
    for (let c: Certificate | undefined = cert; c !== undefined; c = c.issuerCert) {
      const x = new X509Certificate(c.data);
      if (x.checkIssued(ca) && x.verify(ca.publicKey)) return true;
    }
  } catch {
    return false;
  }
  return false;
}
