import type { InjectionKey, Ref } from 'vue';
import type { OrganizationNode, Party } from '../api/types';

/**
 * What a generated form's fields may offer beyond their schema: the case's parties, the signed-in user, the
 * organisation tree, server errors by path.
 */
export interface FormContext {
  parties: Ref<Party[]>;
  me: Ref<{ id: string; displayName: string; role: string } | null>;
  organizations: Ref<OrganizationNode[]>;
  errors: Ref<Record<string, string>>;
}

export const FORM_CONTEXT: InjectionKey<FormContext> = Symbol('formContext');
