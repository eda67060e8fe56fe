import { jobsActions } from '../../app/jobs/actions';
import { cloudEntry } from '../../platform/cloud/entry';

export const main = cloudEntry(jobsActions);
