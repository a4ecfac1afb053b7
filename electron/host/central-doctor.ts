import type { DoctorReport } from '../contract';
import type { CentralSettings } from './central-link';
import type { ProvisioningRead } from './provisioning';

type CentralSection = DoctorReport['central'];

/**
 * The doctor's central lines: configured, central key pinned, registered, token readable,
 * reachable, and a provisioning file that could not be applied. `url` is shown bare (no token can hide in it).
 */
export function centralDoctor(
  central: CentralSettings,
  provisioning: ProvisioningRead,
  reachable: boolean | null,
  bare: (url: string) => string,
): { section: CentralSection; provisioning: DoctorReport['provisioning']; problems: string[] } {
  const url = central.endpoint();
  const keyPinned = central.publicKeyPem() !== null;
  const token = central.tokenState();
  const status = central.status();
  const problems = [
    ...(url === null ? ['central: chưa cấu hình máy chủ trung tâm / central system not configured'] : []),
    ...(url !== null && !keyPinned ? ['central: chưa ghim khóa công khai của trung tâm / central public key not pinned'] : []),
    ...(url !== null && token === 'absent' ? ['central: máy chưa đăng ký với trung tâm / this machine is not registered with the central system'] : []),
    ...(token === 'corrupt' ? ['central: không giải mã được mã truy cập của máy; hãy đăng ký lại / the device token cannot be decrypted; register again'] : []),
    ...(reachable === false && url !== null ? [`central: không kết nối được ${bare(url)} / ${bare(url)} not reachable (GET /v1/health)`] : []),
    ...(provisioning.status === 'invalid' ? [`provisioning: tệp cấu hình không hợp lệ / invalid provisioning file ${provisioning.path}: ${provisioning.problems.join('; ')}`] : []),
  ];
  return {
    section: {
      configured: url !== null,
      reachable,
      url,
      keyPinned,
      registered: status.registered,
      deviceId: status.deviceId,
      // null: sealed by the Electron app's OS keyring, which this process (the CLI) cannot open.
      tokenReadable: token === 'absent' ? null : token === 'other-store' ? null : token === 'ok',
      secretStore: status.secretStore,
    },
    provisioning: provisioning.status === 'invalid' ? { status: 'invalid', path: provisioning.path, problems: provisioning.problems } : provisioning.status === 'ok' ? { status: 'ok', path: provisioning.path } : { status: 'absent' },
    problems,
  };
}
