import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import type { AppInfo } from '../electron/contract';
import { SignedIn } from './auth/SignedIn';
import { Layout } from './components/Layout';
import { CounterPage } from './counter/CounterPage';
import { KioskPage } from './kiosk/KioskPage';
import { TechnicianPage } from './technician/TechnicianPage';
import { DisplayPage } from './display/DisplayPage';
import { RatingPage } from './rating/RatingPage';
import { useHubStatus } from './queue/useHub';
import { api } from './transport';
import { KioskOptionsProvider, useKioskOptions } from './components/KioskOptions';

/** The day's charts load Chart.js only when opened: the kiosk's first screen does not pay for them. */
const DayPage = lazy(() => import('./day/DayPage'));

/** Who may work at the counter: an officer, or a technician checking the workstation. */
const COUNTER_ROLES = ['officer', 'technician'] as const;

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void api.invoke('app.info', {}).then((r) => r.ok && setInfo(r.value));
  }, []);
  return (
    <KioskOptionsProvider>
      <BrowserRouter>
        <Layout info={info}>
          <Routes>
            <Route path="/kiosk" element={<KioskPage />} />
            <Route
              path="/counter"
              element={
                <SignedIn roles={COUNTER_ROLES} titleKey="counter.title">
                  <CounterPage />
                </SignedIn>
              }
            />
            <Route path="/technician" element={<TechnicianPage />} />
            <Route path="/display" element={<DisplayPage />} />
            <Route path="/rating" element={<RatingPage />} />
            <Route
              path="/day"
              element={
                <SignedIn roles={COUNTER_ROLES} titleKey="queue.day.open">
                  <Suspense fallback={null}>
                    <DayPage />
                  </Suspense>
                </SignedIn>
              }
            />
            <Route path="*" element={<RoleHome />} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </KioskOptionsProvider>
  );
}

/** The screen this machine opens on, as a technician set its role (a kiosk until the host says otherwise). */
function RoleHome() {
  const options = useKioskOptions();
  const hub = useHubStatus();
  const [waited, setWaited] = useState(false);
  // A host that does not answer must not leave a blank screen: after a moment the kiosk opens anyway.
  useEffect(() => {
    const timer = window.setTimeout(() => setWaited(true), 3000);
    return () => window.clearTimeout(timer);
  }, []);
  if (!options && !waited) return null;
  // A machine paired with the centre hub opens as its role there (the TV opens the display).
  if (hub?.role === 'display' || hub?.role === 'rating') return <Navigate to={`/${hub.role}`} replace />;
  return <Navigate to={options?.role === 'counter' || hub?.role === 'counter' ? '/counter' : '/kiosk'} replace />;
}
