import type { ChangePasswordRequest, UpdateProfileRequest } from '@irm/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { changePassword, updateProfile } from '../api/auth.api';

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateProfileRequest) => updateProfile(changes),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.auth.me(), me),
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (request: ChangePasswordRequest) => changePassword(request) });
}
