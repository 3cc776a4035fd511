import { Module } from '@nestjs/common';
import { ProjectStore } from './project-store';

/** Loading projects for the aggregate and saving its results; every feature that changes a project uses it. */
@Module({ providers: [ProjectStore], exports: [ProjectStore] })
export class ProjectsModule {}
