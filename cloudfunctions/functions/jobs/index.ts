import { jobsActions } from '../../app/jobs/actions';
import { cloudEntry } from '../../cloud/entry';

export const main = cloudEntry(jobsActions);
