export * from './channels';
export * from './errors';
export * from './localized';
export * from './roles';
export * from './schemas';
export * from './events';
export * from './scan';
export * from './profile';
