import { Entity } from 'typeorm';
import { ReferenceEntryColumns } from './reference-entry.columns';

/** A forum or an international organization (`type`: forum, organization): the `forum` of every launch names one. */
@Entity({ name: 'forums' })
export class ForumEntity extends ReferenceEntryColumns {}
