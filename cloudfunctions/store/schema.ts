import spec from '../../database/collections.json';

export interface IndexSpec {
  name: string;
  fields: Array<[field: string, direction: string]>;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  security: { read: string | false; write: false };
}

export const COLLECTIONS = spec.collections as unknown as CollectionSpec[];
