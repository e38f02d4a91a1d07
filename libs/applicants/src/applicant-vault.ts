import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { type ApplicantDetails, ERASED_MARKER } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { BlindIndex } from './crypto/blind-index';
import type { MasterKeyProvider } from './crypto/master-key-provider';
import { openApplicant, type SealedApplicant, sealApplicant } from './crypto/sealed-applicant';
import { AccessLog } from './persistence/access-log';
import { ApplicantIndex } from './persistence/applicant-index';
import { DataKeyStore } from './persistence/data-key-store';
import { applicantNotFound, identityOfAnother } from './applicant-errors';

/** Who displays personal data, and why (the screen or endpoint): recorded in the access log. */
export interface Reader {
  actor: string;
  actorName: string;
  purpose: string;
}

export interface Erasure {
  legalBasis: string;
  reason: string;
}

export const applicantStreamId = (applicantId: string): string => `applicant-${applicantId}`;

/**
 * Applicants' personal data: sealed with a key of the applicant's own before it enters the log, revealed to whom may
 * see it (and recorded), found by ID number or phone through the blind index, erased by destroying the key.
 */
export class ApplicantVault {
  readonly keys: DataKeyStore;
  readonly index: ApplicantIndex;
  readonly accessLog: AccessLog;

  constructor(
    pool: Pool,
    private readonly store: EventStore,
    readonly masterKeys: MasterKeyProvider,
    private readonly blind: BlindIndex,
    /** True when the event store is this PostgreSQL: see ApplicantIndex. */
    asyncCommitBeforeAppend = false,
  ) {
    this.keys = new DataKeyStore(pool, masterKeys);
    this.index = new ApplicantIndex(pool, asyncCommitBeforeAppend);
    this.accessLog = new AccessLog(pool);
  }

  /**
   * Seals the (validated, normalised) details for a dossier: a returning applicant (same identity document) keeps
   * their id and key; a new one gets both. The dossier is recorded against the applicant before the receipt is
   * appended, so no acknowledged receipt is missing from the look-ups.
   */
  async seal(details: ApplicantDetails, unitId: string, dossierId: string): Promise<SealedApplicant> {
    // a candidate key for someone new (unused when the person is known: a few microseconds)
    const candidateId = randomUUID();
    const candidate = await this.keys.mint(candidateId);
    const who = await this.index.register({
      candidateId,
      masterKeyId: candidate.masterKeyId,
      wrappedKey: candidate.wrapped,
      identityDigest: this.identityDigest(details),
      phoneDigest: details.phone ? this.blind.digest('phone', details.phone) : null,
      dossierId,
      unitId,
      fullName: details.fullName,
    });
    const key = who.created
      ? candidate.key
      : await this.keys.unwrapped(who.applicantId, who.masterKeyId, who.wrappedKey);
    if (who.created) this.keys.remember(who.applicantId, key);
    return sealApplicant(who.applicantId, key, details);
  }

  /**
   * Seals corrected details of a known applicant with their own key (a supervisor's entry correction): the new ID
   * number and phone find them. Undefined when the applicant's data was erased (nothing can be sealed for them).
   */
  async reseal(
    applicantId: string,
    details: ApplicantDetails,
    unitId: string,
    dossierId: string,
  ): Promise<SealedApplicant | undefined> {
    const key = await this.keys.find(applicantId);
    if (!key) return undefined;
    const corrected = await this.index.correct({
      applicantId,
      identityDigest: this.identityDigest(details),
      phoneDigest: details.phone ? this.blind.digest('phone', details.phone) : null,
      dossierId,
      unitId,
      fullName: details.fullName,
    });
    if (!corrected) throw identityOfAnother();
    return sealApplicant(applicantId, key, details);
  }

  /** The details, recorded as displayed to the reader; the erased marker once the key is gone. */
  async reveal(
    sealed: SealedApplicant,
    reader: Reader,
    dossierId?: string,
  ): Promise<{ applicantId: string; details: ApplicantDetails } | { applicantId: string; erased: string }> {
    const key = await this.keys.find(sealed.applicantId);
    if (!key) return { applicantId: sealed.applicantId, erased: ERASED_MARKER };
    const details = openApplicant(sealed, key);
    await this.accessLog.record([
      {
        actor: reader.actor,
        actorName: reader.actorName,
        applicantId: sealed.applicantId,
        dossierId: dossierId ?? null,
        purpose: reader.purpose,
      },
    ]);
    return { applicantId: sealed.applicantId, details };
  }

  /** The applicants whose identity document is this one (at most one), or whose phone is this. */
  async applicantsOf(query: { idKind?: string; idNumber?: string; phone?: string }): Promise<string[]> {
    if (query.idKind && query.idNumber)
      return [await this.index.applicantOfIdentity(this.blind.digest(`id:${query.idKind}`, query.idNumber))].filter(
        (a): a is string => a !== undefined,
      );
    if (query.phone) return this.index.applicantsOfPhone(this.blind.digest('phone', query.phone));
    return [];
  }

  /**
   * Erases an applicant's personal data: records `ApplicantDataErased` (who, on what legal basis, why), then destroys
   * the data key and everything that finds the applicant. The dossiers, their events, the hash chain and the figures
   * stay exactly as they were. A repeat finds nothing more to destroy and records nothing more.
   */
  async erase(
    applicantId: string,
    erasure: Erasure,
    by: { actor: string; actorName: string },
  ): Promise<{ erasedAt: string }> {
    const streamId = applicantStreamId(applicantId);
    const earlier = (await this.store.readStream(streamId)).find((e) => e.type === 'ApplicantDataErased');
    const erasedAt = earlier?.data.occurredAt ?? new Date().toISOString();
    if (!earlier) {
      if (!(await this.index.exists(applicantId))) throw applicantNotFound(applicantId);
      await this.store.append(streamId, [
        {
          type: 'ApplicantDataErased',
          schemaVersion: 1,
          data: { applicantId, legalBasis: erasure.legalBasis, reason: erasure.reason, occurredAt: erasedAt },
          metadata: { actor: by.actor, actorName: by.actorName },
        },
      ]);
    }
    this.keys.forget(applicantId);
    await this.index.forget(applicantId);
    return { erasedAt };
  }

  /** A new master key, and every data key re-wrapped with it; the log is not touched. */
  async rotateMasterKey(): Promise<{ masterKeyId: string; rewrapped: number }> {
    const masterKeyId = await this.masterKeys.rotate();
    return { masterKeyId, rewrapped: await this.keys.rewrapAll() };
  }

  private identityDigest(details: ApplicantDetails): string {
    return this.blind.digest(`id:${details.idDocument.kind}`, details.idDocument.number);
  }
}
