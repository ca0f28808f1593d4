export { ContactRecord } from './components/ContactRecord';
export { ContactsList } from './components/ContactsList';
export { OrganizationContactsPanel } from './components/OrganizationContactsPanel';
export { OrganizationPicker, type OrganizationChoice } from './components/OrganizationPicker';
export { CONTACTS_PATH, contactPath } from './paths';
