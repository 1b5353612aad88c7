import { defineProject } from 'vitest/config';
import { backstageProject } from '../../../tools/backstage/vitest-project.js';

export default defineProject(backstageProject('backstage-okemesh-scaffolder'));
