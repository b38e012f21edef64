import { Module } from '@nestjs/common';
import { HomeRepository } from './home.repository';
import { HomeResolver } from './home.resolver';
import { HomeService } from './home.service';

/** The home page's cards that need more than one capability's data (change ideas, PDSA cycles, threads). */
@Module({ providers: [HomeRepository, HomeService, HomeResolver] })
export class HomeModule {}
