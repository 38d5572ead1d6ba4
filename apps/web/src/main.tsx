import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/trpc.ts';
import { App, createQueryClient } from './app.tsx';
import './styles.css';
import './ui/pages.css';
import './ui/print-pages.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App apiClient={createApiClient()} queryClient={createQueryClient()} />
  </StrictMode>,
);
